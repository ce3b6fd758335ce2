import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Every dialog holding a form keeps what was typed when the overlay is clicked (issue 15 §7). */
const formDialogs = [
  // Generate and renew: their dialog.
  'features/api-keys/components/token-reveal-dialog.tsx',
  'features/api-keys/components/edit-api-key-modal.tsx',
  'features/external-keys/components/add-external-key-modal.tsx',
  'features/external-keys/components/edit-external-key-modal.tsx',
  'features/members/components/invite-member-modal.tsx',
  'features/members/components/edit-member-modal.tsx',
  'features/roles/components/role-editor-modal.tsx',
];

describe('form dialogs', () => {
  it.each(formDialogs)('%s does not close on an overlay click', (file) => {
    const source = readFileSync(path.resolve(import.meta.dirname, '..', file), 'utf8');
    expect(source).toMatch(/closeOnClickOutside=\{false\}/);
  });
});
