// "Patches updated": when the upstream moved during the embargo and the series were rebuilt on
// the new bases, the distributors get the new series with what changed since the ones they have.
import { EMBARGO_CONDITIONS } from './embargoed.ts';
import { lines, type DefaultTemplate } from './types.ts';

export const PATCHES_UPDATED: DefaultTemplate = {
  id: 'patches-updated',
  title: 'Patches updated',
  description: 'After the upstream moved during the embargo: the patch series rebuilt on the new bases, with the interdiff against the series the distributors have.',
  scope: 'case',
  mode: 'encrypted',
  to: [{ list: 'distributors' }],
  cc: [],
  attachments: ['patches'],
  checklistItems: [],
  subject: '[EMBARGOED] {{cve}}: updated patches for {{summary}}',
  body: lines(
    'The upstream branches moved since we sent you the patches for {{cve}}, so we rebuilt the patch series on the new bases. The updated series are attached; please use them instead of the ones you have:',
    '',
    '{{patchFiles}}',
    '',
    'What changed since the series you have, per branch, as git range-diff shows it ("=" the same patch, "!" changed, "<" no longer in the series, ">" new):',
    '',
    '{{interdiff}}',
    '',
    'The Release Date has not changed:',
    '',
    '{{releaseDateZones}}',
    '',
    'The embargo and its conditions still hold:',
    '',
    EMBARGO_CONDITIONS,
    '',
    '{{fixLead}} <{{fixLeadEmail}}>, for {{securityList}}',
  ),
};
