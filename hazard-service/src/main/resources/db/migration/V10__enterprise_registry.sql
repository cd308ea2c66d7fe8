-- The enterprise registry as inspection-service publishes it (EnterpriseRegistered, latest wins): a
-- SELF_CHECK or REGULATOR report must name a registered enterprise in its registered county.
create table enterprise (
    credit_code   char(18)     primary key,
    name          varchar(200),
    county_code   varchar(12)  not null,
    registered_at timestamptz  not null
);
create index enterprise_county on enterprise (county_code);
