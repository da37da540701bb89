#!/bin/sh
# Run once by the postgres image when its volume is first initialised: one role and database for dondoc, one role
# for Temporal (which creates its own `temporal` and `temporal_visibility` databases on first start).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v dondoc_password="$DONDOC_DB_PASSWORD" -v temporal_password="$TEMPORAL_DB_PASSWORD" <<'SQL'
CREATE ROLE dondoc LOGIN PASSWORD :'dondoc_password';
CREATE DATABASE dondoc OWNER dondoc;
CREATE ROLE temporal LOGIN CREATEDB PASSWORD :'temporal_password';
SQL
