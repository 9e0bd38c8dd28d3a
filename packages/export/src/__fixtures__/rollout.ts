/**
 * A capsule whose parts link relatively, to an anchor of their own document, to a site's
 * route, to the web and with an escape, from a folder below the root; and a checklist item
 * linking relatively: what the exports rebase, and what they leave as written.
 */
export const rolloutFiles: Record<string, string> = {
  'docs/ops/deploy.md': [
    '# Deploy',
    '',
    '## Capsule: SafeRollout',
    '',
    '**Invariant**: Roll out behind a flag; see [the runbook](../runbook.md#rollback) and [below](#notes).',
    '',
    '**Example**: The billing change went to 5% first ([log](./logs/billing.txt)), as [the guide](/guide/flags) says.',
    '',
    '**Depth**: Read [Flags](https://example.net/flags), ![the flow](img/flow.png) and [escaped](../run\\_book.md).',
    '',
    '**Why**: See [the runbook][runbook].',
    '',
    '[runbook]: ../runbook.md',
    '',
    '## Notes',
    '',
    '- [ ] Read [the runbook](../runbook.md) first',
    '',
  ].join('\n'),
  'docs/runbook.md': '# Runbook\n\n## Rollback\n\nUndo it.\n',
};
