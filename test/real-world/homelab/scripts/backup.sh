#!/bin/sh
# Nightly snapshot of the storage pool.
echo "backup"
