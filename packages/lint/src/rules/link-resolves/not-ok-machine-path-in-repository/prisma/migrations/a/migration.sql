create table a();
