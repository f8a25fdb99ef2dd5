-- The default taxonomy of DESIGN.md (the real case's topics) plus 其他; organisations edit it in /admin/categories.
INSERT INTO categories (key, name_zh, name_en, sort_order) VALUES
	('connection', '业扩报装', 'New connections and capacity', 0),
	('outage_notice', '停电信息发布', 'Outage notices', 1),
	('outage_duration', '停电时长/抢修', 'Outage duration and repairs', 2),
	('voltage_grid', '低电压/电网改造', 'Low voltage and grid upgrade', 3),
	('payment', '缴费服务', 'Payment services', 4),
	('service_manager', '台区经理/服务', 'District managers and service', 5),
	('large_customer', '大客户服务', 'Large customers and electricity cost', 6),
	('safety', '安全用电', 'Electrical safety', 7),
	('work_style', '会风文风/作风建设', 'Meetings and work style', 8),
	('employee_welfare', '职工诉求', 'Employee concerns', 9),
	('other', '其他', 'Other', 10)
ON CONFLICT (key) DO NOTHING;
