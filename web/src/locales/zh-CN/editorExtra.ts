/** The content editor's review fields and per-version states. */
export default {
  'editorExtra.factOwner': '事实核查人',
  'editorExtra.factOwner.hint': '负责核实文中数据、价格、日期等事实的人，由他审批「信息准确性审核」；不填则由内容负责人或运营经理审批。',
  'editorExtra.factOwner.placeholder': '不填则由负责人核查',
  'editorExtra.publishWhenApproved': '审核通过后按计划时间自动排期',
  'editorExtra.publishWhenApproved.hint': '最后一个审核阶段通过时，自动按上面的计划发布时间排期发布。',
  'editorExtra.variants': '各平台版本',
  'editorExtra.liveLink': '查看已发布的帖子',
  'editorExtra.review.not_submitted': '未提交审核',
  'editorExtra.review.changed': '修改后待重新审核',
  'editorExtra.review.in_review': '审核中',
  'editorExtra.review.changes_requested': '已退回修改',
  'editorExtra.review.approved': '审核通过',
};
