#!/usr/bin/env bash
# Runs once, when the postgres container initialises an empty data directory: the owner role (owns the
# databases; each service's Flyway migrates as it), the runtime role the services connect as, and one
# database per service. What the runtime role may do inside is granted by the platform's
# db/platform/afterMigrate.sql after every migration (no UPDATE/DELETE/TRUNCATE on audit trails).
# RECTIFY_DB_USER / RECTIFY_DB_PASSWORD / RECTIFY_DB_OWNER / RECTIFY_DB_OWNER_PASSWORD come from docker-compose.yml.
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -v app_user="${RECTIFY_DB_USER:-rectify}" -v app_password="${RECTIFY_DB_PASSWORD:?RECTIFY_DB_PASSWORD is required}" \
     -v owner="${RECTIFY_DB_OWNER:-rectify_owner}" -v owner_password="${RECTIFY_DB_OWNER_PASSWORD:?RECTIFY_DB_OWNER_PASSWORD is required}" <<'SQL'
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password';
CREATE ROLE :"owner" LOGIN PASSWORD :'owner_password';
CREATE DATABASE rectify_inspection   OWNER :"owner";
CREATE DATABASE rectify_hazard       OWNER :"owner";
CREATE DATABASE rectify_scoring      OWNER :"owner";
CREATE DATABASE rectify_notification OWNER :"owner";
SQL
