#!/usr/bin/env bash
# Runs once, when the postgres container initialises an empty data directory: the application role
# and one database per service (each service's Flyway creates its own schema at start).
# RECTIFY_DB_USER / RECTIFY_DB_PASSWORD come from docker-compose.yml.
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -v app_user="${RECTIFY_DB_USER:-rectify}" -v app_password="${RECTIFY_DB_PASSWORD:?RECTIFY_DB_PASSWORD is required}" <<'SQL'
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password';
CREATE DATABASE rectify_inspection   OWNER :"app_user";
CREATE DATABASE rectify_hazard       OWNER :"app_user";
CREATE DATABASE rectify_scoring      OWNER :"app_user";
CREATE DATABASE rectify_notification OWNER :"app_user";
SQL
