const zh = {
  'review.menu.queue': '待我审核',
  'review.queue.title': '待我审核',
  'review.queue.desc': '等待你所在审核环节处理的内容：合规性审核、品牌一致性审核、信息准确性审核与终审批准。',
  'review.queue.total': '待审版本',
  'review.queue.overdue': '已超时',
  'review.queue.empty': '暂无待审内容',
  'review.queue.col.subject': '内容',
  'review.queue.col.type': '类型',
  'review.queue.col.variants': '平台版本 · 审核环节',
  'review.queue.col.due': '截止时间',
  'review.queue.col.actions': '操作',
  'review.action.approve': '通过',
  'review.action.reject': '退回',
  'review.action.approved': '已通过',
  'review.action.rejected': '已退回给作者',
  'review.reject.title': '退回修改',
  'review.reject.placeholder': '请写明退回原因，作者会看到',
};

export default zh;
