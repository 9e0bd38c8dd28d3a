create table b();
