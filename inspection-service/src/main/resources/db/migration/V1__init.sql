-- inspection-service schema (the outbox, processed-event and idempotency tables come from the platform module)

-- ---------------------------------------------------------------------------------------------
-- Reference data: key tasks (extendable by an ADMIN) and the 20 major-accident-hazard criteria
-- ---------------------------------------------------------------------------------------------
create table key_task (
    code        varchar(64)  primary key check (code ~ '^[A-Z][A-Z0-9_]{1,63}$'),
    name_zh     varchar(200) not null,
    name_en     varchar(200) not null,
    description text,
    created_at  timestamptz  not null default now()
);

create table major_hazard_criterion (
    code    varchar(6)   primary key check (code ~ '^MHC-[0-9]{2}$'),
    name_zh varchar(200) not null,
    name_en varchar(200) not null
);

-- ---------------------------------------------------------------------------------------------
-- Key counties, enterprises, experts, campaigns
-- ---------------------------------------------------------------------------------------------
create table county (
    code       varchar(12)  primary key check (code ~ '^[0-9A-Z]{6,12}$'),
    name       varchar(100) not null,
    city       varchar(100) not null,
    province   varchar(100) not null,
    tier       varchar(16)  not null check (tier in ('LEAD', 'IMPROVE', 'FULL_GUIDANCE')),
    status     varchar(16)  not null check (status in ('KEY', 'DEMONSTRATION')),
    created_at timestamptz  not null,
    updated_at timestamptz  not null,
    version    bigint       not null
);
-- regulators' lists filter by province and city
create index county_province_city on county (province, city);

create table enterprise (
    credit_code                     char(18)     primary key,
    name                            varchar(200) not null,
    county_code                     varchar(12)  not null references county (code),
    park_name                       varchar(200),
    fine_chemical                   boolean      not null,
    major_hazard_installation_grade smallint check (major_hazard_installation_grade between 1 and 4),
    created_at                      timestamptz  not null,
    updated_at                      timestamptz  not null,
    version                         bigint       not null
);
create index enterprise_county on enterprise (county_code);

create table expert (
    id         uuid         primary key,
    name       varchar(100) not null,
    -- the JWT subject of the expert's account: how "assigned to this inspection" is checked
    subject    varchar(200) unique,
    created_at timestamptz  not null
);

create table expert_specialty (
    expert_id uuid         not null references expert (id) on delete cascade,
    position  int          not null,
    specialty varchar(100) not null,
    primary key (expert_id, position)
);

create table campaign (
    id         uuid         primary key,
    name       varchar(200) not null,
    year       int          not null check (year between 2000 and 2100),
    starts_on  date         not null,
    ends_on    date         not null,
    created_by varchar(200) not null,
    created_at timestamptz  not null,
    check (ends_on >= starts_on)
);

create table campaign_county (
    campaign_id uuid        not null references campaign (id) on delete cascade,
    county_code varchar(12) not null references county (code),
    primary key (campaign_id, county_code)
);
create index campaign_county_county on campaign_county (county_code);

-- ---------------------------------------------------------------------------------------------
-- Inspections, their findings (with evidence) and the enterprise's consents
-- ---------------------------------------------------------------------------------------------
create table inspection (
    id                     uuid         primary key,
    campaign_id            uuid references campaign (id),
    enterprise_credit_code char(18)     not null references enterprise (credit_code),
    -- copied from the enterprise at scheduling: scope filters and the debrief query by it
    county_code            varchar(12)  not null references county (code),
    scheduled_on           date         not null,
    mode                   varchar(32)  not null check (mode in ('CENTRALISED', 'CONTINUOUS_ASSISTANCE')),
    status                 varchar(16)  not null check (status in ('SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
    summary                text,
    scheduled_by           varchar(200) not null,
    scheduled_at           timestamptz  not null,
    started_at             timestamptz,
    completed_at           timestamptz,
    cancelled_at           timestamptz,
    cancel_reason          text,
    updated_at             timestamptz  not null,
    version                bigint       not null
);
create index inspection_county_day on inspection (county_code, scheduled_on);
create index inspection_enterprise on inspection (enterprise_credit_code);

create table inspection_expert (
    inspection_id uuid not null references inspection (id) on delete cascade,
    position      int  not null,
    expert_id     uuid not null references expert (id),
    primary key (inspection_id, position)
);

create table inspection_key_task (
    inspection_id uuid        not null references inspection (id) on delete cascade,
    position      int         not null,
    key_task      varchar(64) not null references key_task (code),
    primary key (inspection_id, position)
);

create table finding (
    id                  uuid         primary key,
    inspection_id       uuid         not null references inspection (id),
    key_task            varchar(64)  not null references key_task (code),
    grade               varchar(8)   not null check (grade in ('GENERAL', 'MAJOR')),
    major_criterion     varchar(6) references major_hazard_criterion (code),
    description         text         not null,
    location            varchar(500),
    recommended_measure text,
    rectification_days  int          not null check (rectification_days between 1 and 365),
    recorded_by         varchar(200) not null,
    recorded_at         timestamptz  not null,
    updated_at          timestamptz  not null,
    -- withdrawn findings stay for the audit trail; they are never confirmed
    withdrawn_at        timestamptz,
    withdrawn_by        varchar(200),
    -- the grade rule, enforced by the database too
    check ((grade = 'MAJOR') = (major_criterion is not null))
);
create index finding_inspection on finding (inspection_id);

create table finding_evidence (
    finding_id uuid         not null references finding (id) on delete cascade,
    position   int          not null,
    kind       varchar(32)  not null check (kind in ('PHOTO', 'DOCUMENT', 'CONTROL_SYSTEM_DATA', 'DOCUMENT_COPY')),
    uri        varchar(2000) not null,
    sha256     char(64)     not null,
    primary key (finding_id, position)
);

create table consent (
    id            uuid         primary key,
    inspection_id uuid         not null references inspection (id),
    scope         varchar(32)  not null check (scope in ('CONTROL_SYSTEM_DATA', 'DOCUMENT_COPY')),
    granted_by    varchar(200) not null,
    granted_at    timestamptz  not null,
    recorded_by   varchar(200) not null,
    recorded_at   timestamptz  not null,
    unique (inspection_id, scope)
);

-- ---------------------------------------------------------------------------------------------
-- Seed: the six key tasks of the 2024 programme ("6抓") plus OTHER
-- ---------------------------------------------------------------------------------------------
insert into key_task (code, name_zh, name_en, description) values
('THREE_ONES', '"三个一"建设任务', '"Three Ones" construction task',
 'The "three ones" construction task of the programme; its exact content varies by province.'),
('EQUIPMENT_RUNNING_WITH_DEFECTS', '装置设备带病运行', 'Equipment and installations running with defects',
 'Installations and equipment kept in operation with known defects (带病运行).'),
('FINE_CHEMICAL_FOUR_ZEROINGS', '精细化工"四个清零"', 'Fine-chemical "four zeroings"',
 'Reaction safety risk assessment done, automation retrofit done, staff qualification gaps cleared, crowded places relocated.'),
('MAJOR_HAZARD_INSTALLATIONS', '重大危险源风险管控', 'Risk control of major hazard installations',
 'Risk control of major hazard installations (重大危险源).'),
('CHEMICAL_PARKS', '化工园区整治提升', 'Chemical park rectification and upgrading',
 'Rectification and upgrading of chemical parks (化工园区整治提升).'),
('RECTIFICATION_CLOSURE', '问题隐患整改销号', 'Problem and hazard rectification and sign-off',
 'Every problem and hazard rectified and signed off (整改销号), every item closed.'),
('OTHER', '其他', 'Other', 'Findings outside the six key tasks.');

-- ---------------------------------------------------------------------------------------------
-- Seed: the 20 criteria of the chemical and hazardous-chemicals major-accident-hazard judgement
-- standard (安监总管三〔2017〕121号), with short names
-- ---------------------------------------------------------------------------------------------
insert into major_hazard_criterion (code, name_zh, name_en) values
('MHC-01', '主要负责人和安全生产管理人员未依法经考核合格', 'Principal and safety managers not assessed and qualified as required by law'),
('MHC-02', '特种作业人员未持证上岗', 'Special-operation workers on duty without a certificate'),
('MHC-03', '"两重点一重大"装置设施外部安全防护距离不符合国家标准', 'External safety distances of "two key points, one major" installations below national standard'),
('MHC-04', '重点监管危险化工工艺装置未实现自动化控制或紧急停车系统未投用', 'Key supervised hazardous processes without automated control or with emergency shutdown not in use'),
('MHC-05', '一级、二级重大危险源罐区未实现紧急切断或未配备独立安全仪表系统', 'Grade 1/2 major-hazard tank farms without emergency shut-off or required independent SIS'),
('MHC-06', '全压力式液化烃储罐未按国家标准设置注水措施', 'Fully pressurised liquefied-hydrocarbon tanks without water injection'),
('MHC-07', '液化烃、液氨、液氯等充装未使用万向管道充装系统', 'Liquefied hydrocarbon, ammonia or chlorine loading without universal-joint loading arms'),
('MHC-08', '剧毒气体及硫化氢管道穿越厂区外公共区域', 'Highly toxic gas or hydrogen sulphide pipelines crossing public areas outside the site'),
('MHC-09', '地区架空电力线路穿越生产区且不符合国家标准', 'Overhead public power lines crossing the production area against national standard'),
('MHC-10', '在役化工装置未经正规设计且未进行安全设计诊断', 'Chemical installation in service without formal design or safety design diagnosis'),
('MHC-11', '使用淘汰落后安全技术工艺、设备目录列出的工艺、设备', 'Processes or equipment on the list of obsolete safety technology still in use'),
('MHC-12', '未按国家标准设置可燃有毒气体检测报警装置或防爆电气设备', 'Flammable/toxic gas detection and alarms or explosion-proof electrical equipment missing'),
('MHC-13', '控制室或机柜间面向火灾爆炸危险装置一侧不满足防火防爆要求', 'Control room or rack room side facing fire/explosion hazards not fire- and blast-proof'),
('MHC-14', '未按国家标准设置双重电源供电或自动化控制系统未设置不间断电源', 'No dual power supply or no UPS for the automated control system'),
('MHC-15', '安全阀、爆破片等安全附件未正常投用', 'Safety valves, bursting discs or other safety accessories not in normal use'),
('MHC-16', '未建立全员安全生产责任制或未制定实施隐患排查治理制度', 'No all-staff safety responsibility system or no hazard identification and remediation system'),
('MHC-17', '未制定操作规程和工艺控制指标', 'No operating procedures or process control limits'),
('MHC-18', '未制定动火、受限空间等特殊作业管理制度或制度未有效执行', 'No or ineffective management of hot work, confined-space entry and other special operations'),
('MHC-19', '新工艺未经试验论证直接工业化生产或精细化工未开展反应安全风险评估', 'New processes industrialised without trials and validation, or fine-chemical reaction risk assessment missing'),
('MHC-20', '未按国家标准分区分类储存危险化学品，超量超品种储存或禁配物质混存', 'Hazardous chemicals stored without segregation, beyond quantity or variety, or incompatible substances mixed');
