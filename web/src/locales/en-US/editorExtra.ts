/** The content editor's review fields and per-version states. */
export default {
  'editorExtra.factOwner': 'Fact owner',
  'editorExtra.factOwner.hint': 'Who vouches for the figures, prices and dates in the copy; they approve the fact check. With none, the item’s owner or an operations manager does.',
  'editorExtra.factOwner.placeholder': 'Empty: the item’s owner checks',
  'editorExtra.publishWhenApproved': 'Schedule at the planned time once approved',
  'editorExtra.publishWhenApproved.hint': 'When the last review stage approves, the item is scheduled for the planned time above.',
  'editorExtra.variants': 'Platform versions',
  'editorExtra.liveLink': 'Open the published post',
  'editorExtra.review.not_submitted': 'Not submitted',
  'editorExtra.review.changed': 'Changed, to be reviewed again',
  'editorExtra.review.in_review': 'In review',
  'editorExtra.review.changes_requested': 'Changes requested',
  'editorExtra.review.approved': 'Approved',
};
