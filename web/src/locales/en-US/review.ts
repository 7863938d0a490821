import type zh from '../zh-CN/review';

const en: Record<keyof typeof zh, string> = {
  'review.menu.queue': 'My reviews',
  'review.queue.title': 'My reviews',
  'review.queue.desc': 'Content waiting on a review stage you decide: compliance, brand consistency, accuracy and final approval.',
  'review.queue.total': 'Versions waiting',
  'review.queue.overdue': 'Overdue',
  'review.queue.empty': 'Nothing waiting for your review',
  'review.queue.col.subject': 'Item',
  'review.queue.col.type': 'Type',
  'review.queue.col.variants': 'Platform versions · stage',
  'review.queue.col.due': 'Due',
  'review.queue.col.actions': 'Actions',
  'review.action.approve': 'Approve',
  'review.action.reject': 'Send back',
  'review.action.approved': 'Approved',
  'review.action.rejected': 'Sent back to the author',
  'review.reject.title': 'Send back for changes',
  'review.reject.placeholder': 'Why it goes back — the author will see this',
};

export default en;
