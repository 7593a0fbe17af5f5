ALTER TABLE "qc_rubric_items" ADD COLUMN "title_en" text;--> statement-breakpoint
-- The default rubric's items (unchanged title) get their English title.
UPDATE "qc_rubric_items" AS i SET "title_en" = d.title_en FROM (VALUES
  ('greeting', '开场问候与结束语规范', 'Greeting and closing as scripted'),
  ('wording', '用语规范，无错别字、无生硬话术', 'Proper wording, no typos or stiff scripts'),
  ('policy', '平台规则与售后政策解释准确', 'Platform rules and after-sales policy explained correctly'),
  ('tools', '正确使用快捷短语、订单查询与工单工具', 'Quick phrases, order lookup and ticket tools used correctly'),
  ('process', '按流程核实订单、登记、转交', 'Order verified, recorded and handed over as the process says'),
  ('communication', '理解问题、安抚情绪、确认解决', 'Understands the problem, calms the customer, confirms the fix'),
  ('sales', '推荐、催付、关联销售得当', 'Recommends, chases payment and cross-sells well'),
  ('attitude', '热情、耐心、及时', 'Warm, patient and prompt'),
  ('rude', '辱骂、讽刺、与客户争执', 'Insults, sarcasm or arguing with the customer'),
  ('wrong_promise', '违规承诺（政策外退款、赔付、时效）', 'Promises outside policy (refunds, compensation, delivery times)'),
  ('data_leak', '泄露客户信息', 'Leaks customer data'),
  ('slow_reply', '回复超时', 'Slow reply')
) AS d(code, title, title_en) WHERE i.code = d.code AND i.title = d.title AND i.title_en IS NULL;
