import { type App, Stack } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './synth';

// The first synthesis in a process loads most of aws-cdk-lib: several seconds of CPU.
const FIRST_SYNTH_TIMEOUT = 180_000;

describe('cdk-nag AwsSolutions', () => {
  let app: App;
  let synthError: unknown;
  beforeAll(() => {
    app = buildApp(
      { alarmEmail: 'secops@example.com', auditorAccountId: '111122223333' },
      { nag: true },
    ).app;
    try {
      app.synth();
    } catch (error) {
      synthError = error;
    }
  }, FIRST_SYNTH_TIMEOUT);

  it('reports no unacknowledged finding on either stack', () => {
    // Synthesis throws "Validation failed" when the plugin reports any violation.
    expect(synthError).toBeUndefined();
  });

  it('gives a reason with every acknowledgement', () => {
    const acks = app.node
      .findAll()
      .flatMap((c) => c.node.metadata)
      .filter((m) => m.type === 'aws:cdk:acknowledged-rules')
      .flatMap((m) => Object.entries(m.data as Record<string, string>));
    expect(acks.length).toBeGreaterThan(10);
    for (const [id, reason] of acks) {
      expect(id).toMatch(/^AwsSolutions::AwsSolutions-[A-Z]+\d+/);
      expect(reason.length).toBeGreaterThan(30);
    }
  });

  it('is really checking: an unencrypted, unlogged bucket added to the app fails the synth', () => {
    const careless = buildApp({}, { nag: true }).app;
    new Bucket(new Stack(careless, 'Careless'), 'Plain');
    expect(() => careless.synth()).toThrow(/AwsSolutions-S1/);
  });
});
