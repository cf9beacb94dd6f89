import { describe, expect, it } from 'vitest';
import { aksRunCommand as check } from '../../../../checks/aks/aks-run-command';
import { statusOf } from '../../../builders/aks';

describe('aks-run-command', () => {
  it('reads unset disableRunCommand as run command available (fail)', () => {
    expect(statusOf(check)).toBe('fail');
  });
  it('passes when run command is disabled', () => {
    expect(
      statusOf(check, (c) => {
        c.apiServerAccessProfile = { disableRunCommand: true };
      }),
    ).toBe('pass');
  });
});
