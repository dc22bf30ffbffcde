%gongkai-tables 1
M	doc	table
M	source	tests/bad/fixtures/table.txt
M	sha256	b6324209df9f01205e8b27f73c9b6385227524caa2130f38635ebaba2b9e5179
M	format	text
M	pages	1
M	year	2024
M	kind	预算
M	department	登封市政务服务和大数据管理局
M	region	登封市
M	unit_published	万元
M	tables_found	1
M	tables_listed	0
T	general_budget_expenditure	1	2024年一般公共预算支出情况表
H	func_code	class	item	subitem	unit_code	name	total	basic_total	basic_wages	basic_family_subsidy	basic_goods_services	basic_capital	project_total	project_operating	project_specific	basic_personnel	basic_public
R						合计	1265.6	372.0	336.5	0.7	34.8		893.6		893.6		
R	201	201				一般公共服务支出	784.8	291.1	255.6	0.7	34.8	0.0	493.6	0.0	493.6		
R	20103	201	03			政府办公厅（室）及相关机构事务	784.8	291.1	255.6	0.7	34.8	0.0	493.6	0.0	493.6		
R	2010306	201	03	06		政务公开审批	784.8	291.1	255.6	0.7	34.8	0.0	493.6	0.0	493.6		
R	206	206				科学技术支出	400.0	0.0	0.0	0.0	0.0	0.0	400.0	0.0	400.0		
R	20699	206	99			其他科学技术支出	400.0	0.0	0.0	0.0	0.0	0.0	400.0	0.0	400.0		
R	2069999	206	99	99		其他科学技术支出	400.0	0.0	0.0	0.0	0.0	0.0	400.0	0.0	400.0		
R	208	208				社会保障和就业支出	34.3	34.3	34.3	0.0	0.0	0.0	0.0	0.0	0.0		
R	20805	208	05			行政事业单位养老支出	34.3	34.3	34.3	0.0	0.0	0.0	0.0	0.0	0.0		
R	2080505	208	05	05		机关事业单位基本养老保险缴费支出	34.3	34.3	34.3	0.0	0.0	0.0	0.0	0.0	0.0		
R	210	210				卫生健康支出	17.2	17.2	17.2	0.0	0.0	0.0	0.0	0.0	0.0		
R	21011	210	11			行政事业单位医疗	17.2	17.2	17.2	0.0	0.0	0.0	0.0	0.0	0.0		
R	2101101	210	11	01		行政单位医疗	3.4	3.4	3.4	0.0	0.0	0.0	0.0	0.0	0.0		
R	2101102	210	11	02		事业单位医疗	13.8	13.8	13.8	0.0	0.0	0.0	0.0	0.0	0.0		
R	221	221				住房保障支出	29.3	29.3	29.3	0.0	0.0	0.0	0.0	0.0	0.0		
R	22102	221	02			住房改革支出	29.3	29.3	29.3	0.0	0.0	0.0	0.0	0.0	0.0		
K	general_budget_expenditure	row:total=basic+project	合计	1265.6	1265.6	ok
K	general_budget_expenditure	row:basic=wages+family+goods+capital	合计	372.0	372.0	ok
K	general_budget_expenditure	row:project=operating+specific	合计	893.6	893.6	ok
K	general_budget_expenditure	row:total=basic+project	201	784.7	784.8	round
K	general_budget_expenditure	row:basic=wages+family+goods+capital	201	291.1	291.1	ok
K	general_budget_expenditure	row:project=operating+specific	201	493.6	493.6	ok
K	general_budget_expenditure	row:total=basic+project	20103	784.7	784.8	round
K	general_budget_expenditure	row:basic=wages+family+goods+capital	20103	291.1	291.1	ok
K	general_budget_expenditure	row:project=operating+specific	20103	493.6	493.6	ok
K	general_budget_expenditure	row:total=basic+project	2010306	784.7	784.8	round
K	general_budget_expenditure	row:basic=wages+family+goods+capital	2010306	291.1	291.1	ok
K	general_budget_expenditure	row:project=operating+specific	2010306	493.6	493.6	ok
K	general_budget_expenditure	row:total=basic+project	206	400.0	400.0	ok
K	general_budget_expenditure	row:project=operating+specific	206	400.0	400.0	ok
K	general_budget_expenditure	row:total=basic+project	20699	400.0	400.0	ok
K	general_budget_expenditure	row:project=operating+specific	20699	400.0	400.0	ok
K	general_budget_expenditure	row:total=basic+project	2069999	400.0	400.0	ok
K	general_budget_expenditure	row:project=operating+specific	2069999	400.0	400.0	ok
K	general_budget_expenditure	row:total=basic+project	208	34.3	34.3	ok
K	general_budget_expenditure	row:basic=wages+family+goods+capital	208	34.3	34.3	ok
K	general_budget_expenditure	row:total=basic+project	20805	34.3	34.3	ok
K	general_budget_expenditure	row:basic=wages+family+goods+capital	20805	34.3	34.3	ok
K	general_budget_expenditure	row:total=basic+project	2080505	34.3	34.3	ok
K	general_budget_expenditure	row:basic=wages+family+goods+capital	2080505	34.3	34.3	ok
K	general_budget_expenditure	row:total=basic+project	210	17.2	17.2	ok
K	general_budget_expenditure	row:basic=wages+family+goods+capital	210	17.2	17.2	ok
K	general_budget_expenditure	row:total=basic+project	21011	17.2	17.2	ok
K	general_budget_expenditure	row:basic=wages+family+goods+capital	21011	17.2	17.2	ok
K	general_budget_expenditure	row:total=basic+project	2101101	3.4	3.4	ok
K	general_budget_expenditure	row:basic=wages+family+goods+capital	2101101	3.4	3.4	ok
K	general_budget_expenditure	row:total=basic+project	2101102	13.8	13.8	ok
K	general_budget_expenditure	row:basic=wages+family+goods+capital	2101102	13.8	13.8	ok
K	general_budget_expenditure	row:total=basic+project	221	29.3	29.3	ok
K	general_budget_expenditure	row:basic=wages+family+goods+capital	221	29.3	29.3	ok
K	general_budget_expenditure	row:total=basic+project	22102	29.3	29.3	ok
K	general_budget_expenditure	row:basic=wages+family+goods+capital	22102	29.3	29.3	ok
K	general_budget_expenditure	col:合计=Σleaves	total	1265.6	1265.6	ok
K	general_budget_expenditure	col:合计=Σleaves	basic_total	371.9	372.0	round
K	general_budget_expenditure	col:合计=Σleaves	basic_wages	336.4	336.5	round
K	general_budget_expenditure	col:合计=Σleaves	basic_family_subsidy	0.7	0.7	ok
K	general_budget_expenditure	col:合计=Σleaves	basic_goods_services	34.8	34.8	ok
K	general_budget_expenditure	col:合计=Σleaves	project_total	893.6	893.6	ok
K	general_budget_expenditure	col:合计=Σleaves	project_specific	893.6	893.6	ok
K	general_budget_expenditure	tree:类=Σ款	201:total	784.8	784.8	ok
K	general_budget_expenditure	tree:类=Σ款	201:basic_total	291.1	291.1	ok
K	general_budget_expenditure	tree:类=Σ款	201:basic_wages	255.6	255.6	ok
K	general_budget_expenditure	tree:类=Σ款	201:basic_family_subsidy	0.7	0.7	ok
K	general_budget_expenditure	tree:类=Σ款	201:basic_goods_services	34.8	34.8	ok
K	general_budget_expenditure	tree:类=Σ款	201:project_total	493.6	493.6	ok
K	general_budget_expenditure	tree:类=Σ款	201:project_specific	493.6	493.6	ok
K	general_budget_expenditure	tree:款=Σ项	20103:total	784.8	784.8	ok
K	general_budget_expenditure	tree:款=Σ项	20103:basic_total	291.1	291.1	ok
K	general_budget_expenditure	tree:款=Σ项	20103:basic_wages	255.6	255.6	ok
K	general_budget_expenditure	tree:款=Σ项	20103:basic_family_subsidy	0.7	0.7	ok
K	general_budget_expenditure	tree:款=Σ项	20103:basic_goods_services	34.8	34.8	ok
K	general_budget_expenditure	tree:款=Σ项	20103:project_total	493.6	493.6	ok
K	general_budget_expenditure	tree:款=Σ项	20103:project_specific	493.6	493.6	ok
K	general_budget_expenditure	tree:类=Σ款	206:total	400.0	400.0	ok
K	general_budget_expenditure	tree:类=Σ款	206:project_total	400.0	400.0	ok
K	general_budget_expenditure	tree:类=Σ款	206:project_specific	400.0	400.0	ok
K	general_budget_expenditure	tree:款=Σ项	20699:total	400.0	400.0	ok
K	general_budget_expenditure	tree:款=Σ项	20699:project_total	400.0	400.0	ok
K	general_budget_expenditure	tree:款=Σ项	20699:project_specific	400.0	400.0	ok
K	general_budget_expenditure	tree:类=Σ款	208:total	34.3	34.3	ok
K	general_budget_expenditure	tree:类=Σ款	208:basic_total	34.3	34.3	ok
K	general_budget_expenditure	tree:类=Σ款	208:basic_wages	34.3	34.3	ok
K	general_budget_expenditure	tree:款=Σ项	20805:total	34.3	34.3	ok
K	general_budget_expenditure	tree:款=Σ项	20805:basic_total	34.3	34.3	ok
K	general_budget_expenditure	tree:款=Σ项	20805:basic_wages	34.3	34.3	ok
K	general_budget_expenditure	tree:类=Σ款	210:total	17.2	17.2	ok
K	general_budget_expenditure	tree:类=Σ款	210:basic_total	17.2	17.2	ok
K	general_budget_expenditure	tree:类=Σ款	210:basic_wages	17.2	17.2	ok
K	general_budget_expenditure	tree:款=Σ项	21011:total	17.2	17.2	ok
K	general_budget_expenditure	tree:款=Σ项	21011:basic_total	17.2	17.2	ok
K	general_budget_expenditure	tree:款=Σ项	21011:basic_wages	17.2	17.2	ok
K	general_budget_expenditure	tree:类=Σ款	221:total	29.3	29.3	ok
K	general_budget_expenditure	tree:类=Σ款	221:basic_total	29.3	29.3	ok
K	general_budget_expenditure	tree:类=Σ款	221:basic_wages	29.3	29.3	ok
K	general_budget_basic_expenditure	cross:general_budget_expenditure基本支出=general_budget_basic_expenditure合计	合计:total	372.0		skip
K	general_budget_basic_expenditure	cross:人员经费	合计:personnel	337.2		skip
K	general_budget_basic_expenditure	cross:公用经费	合计:public	34.8		skip
%end
