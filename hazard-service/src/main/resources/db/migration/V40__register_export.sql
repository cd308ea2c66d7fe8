-- The hazard register export (issue 16) names what hazard-service otherwise holds only as codes.

-- Enterprise names come from the registry of V10 (table enterprise, kept from EnterpriseRegistered).

-- The reference data of inspection-service (its V1 seeds) that the register prints by name: the key
-- tasks and the 20 major-hazard criteria. Reference data changes with a regulation, i.e. a migration.
create table reference_label (
    kind    varchar(16)  not null check (kind in ('KEY_TASK', 'CRITERION')),
    code    varchar(64)  not null,
    name_zh varchar(300) not null,
    name_en varchar(300) not null,
    primary key (kind, code)
);

insert into reference_label (kind, code, name_zh, name_en) values
('KEY_TASK', 'THREE_ONES', '"三个一"建设任务', '"Three Ones" construction task'),
('KEY_TASK', 'EQUIPMENT_RUNNING_WITH_DEFECTS', '装置设备带病运行', 'Equipment and installations running with defects'),
('KEY_TASK', 'FINE_CHEMICAL_FOUR_ZEROINGS', '精细化工"四个清零"', 'Fine-chemical "four zeroings"'),
('KEY_TASK', 'MAJOR_HAZARD_INSTALLATIONS', '重大危险源风险管控', 'Risk control of major hazard installations'),
('KEY_TASK', 'CHEMICAL_PARKS', '化工园区整治提升', 'Chemical park rectification and upgrading'),
('KEY_TASK', 'RECTIFICATION_CLOSURE', '问题隐患整改销号', 'Problem and hazard rectification and sign-off'),
('KEY_TASK', 'OTHER', '其他', 'Other'),
('CRITERION', 'MHC-01', '主要负责人和安全生产管理人员未依法经考核合格', 'Principal and safety managers not assessed and qualified as required by law'),
('CRITERION', 'MHC-02', '特种作业人员未持证上岗', 'Special-operation workers on duty without a certificate'),
('CRITERION', 'MHC-03', '"两重点一重大"装置设施外部安全防护距离不符合国家标准', 'External safety distances of "two key points, one major" installations below national standard'),
('CRITERION', 'MHC-04', '重点监管危险化工工艺装置未实现自动化控制或紧急停车系统未投用', 'Key supervised hazardous processes without automated control or with emergency shutdown not in use'),
('CRITERION', 'MHC-05', '一级、二级重大危险源罐区未实现紧急切断或未配备独立安全仪表系统', 'Grade 1/2 major-hazard tank farms without emergency shut-off or required independent SIS'),
('CRITERION', 'MHC-06', '全压力式液化烃储罐未按国家标准设置注水措施', 'Fully pressurised liquefied-hydrocarbon tanks without water injection'),
('CRITERION', 'MHC-07', '液化烃、液氨、液氯等充装未使用万向管道充装系统', 'Liquefied hydrocarbon, ammonia or chlorine loading without universal-joint loading arms'),
('CRITERION', 'MHC-08', '剧毒气体及硫化氢管道穿越厂区外公共区域', 'Highly toxic gas or hydrogen sulphide pipelines crossing public areas outside the site'),
('CRITERION', 'MHC-09', '地区架空电力线路穿越生产区且不符合国家标准', 'Overhead public power lines crossing the production area against national standard'),
('CRITERION', 'MHC-10', '在役化工装置未经正规设计且未进行安全设计诊断', 'Chemical installation in service without formal design or safety design diagnosis'),
('CRITERION', 'MHC-11', '使用淘汰落后安全技术工艺、设备目录列出的工艺、设备', 'Processes or equipment on the list of obsolete safety technology still in use'),
('CRITERION', 'MHC-12', '未按国家标准设置可燃有毒气体检测报警装置或防爆电气设备', 'Flammable/toxic gas detection and alarms or explosion-proof electrical equipment missing'),
('CRITERION', 'MHC-13', '控制室或机柜间面向火灾爆炸危险装置一侧不满足防火防爆要求', 'Control room or rack room side facing fire/explosion hazards not fire- and blast-proof'),
('CRITERION', 'MHC-14', '未按国家标准设置双重电源供电或自动化控制系统未设置不间断电源', 'No dual power supply or no UPS for the automated control system'),
('CRITERION', 'MHC-15', '安全阀、爆破片等安全附件未正常投用', 'Safety valves, bursting discs or other safety accessories not in normal use'),
('CRITERION', 'MHC-16', '未建立全员安全生产责任制或未制定实施隐患排查治理制度', 'No all-staff safety responsibility system or no hazard identification and remediation system'),
('CRITERION', 'MHC-17', '未制定操作规程和工艺控制指标', 'No operating procedures or process control limits'),
('CRITERION', 'MHC-18', '未制定动火、受限空间等特殊作业管理制度或制度未有效执行', 'No or ineffective management of hot work, confined-space entry and other special operations'),
('CRITERION', 'MHC-19', '新工艺未经试验论证直接工业化生产或精细化工未开展反应安全风险评估', 'New processes industrialised without trials and validation, or fine-chemical reaction risk assessment missing'),
('CRITERION', 'MHC-20', '未按国家标准分区分类储存危险化学品，超量超品种储存或禁配物质混存', 'Hazardous chemicals stored without segregation, beyond quantity or variety, or incompatible substances mixed');
