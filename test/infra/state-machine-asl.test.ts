import aslValidator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import { auditorTemplate, renderDefinition } from './synth';

describe('the state machine definition', () => {
  const machines = Object.values(
    auditorTemplate().findResources('AWS::StepFunctions::StateMachine'),
  );
  const definition = renderDefinition(machines[0]?.['Properties']['DefinitionString']);

  it('is valid Amazon States Language (asl-validator, paths and ARNs checked)', () => {
    const result = aslValidator(definition, { checkPaths: true, checkArn: true });
    expect(result.errorsText()).toBe('');
    expect(result.isValid).toBe(true);
  });

  it('is rejected by the validator when broken, so the check above can fail', () => {
    const broken = structuredClone(definition) as { States: Record<string, { Next?: string }> };
    broken.States['KeepKeys']!.Next = 'NoSuchState';
    expect(aslValidator(broken).isValid).toBe(false);
  });
});
