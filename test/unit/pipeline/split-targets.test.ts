import { describe, expect, it } from 'vitest';
import type { Target } from '../../../core/target';
import { targetLabel } from '../../../core/target';
import { discover } from '../../../pipeline/discover';
import { keys } from '../../../pipeline/keys';
import { completeScopes } from '../../../pipeline/publish';
import { parseRunConfig, RunConfigError } from '../../../pipeline/run-config';
import { splitScope } from '../../../pipeline/split-targets';
import { clock, RUN, recordingLogger, tempStore } from '../../helpers/pipeline-fakes';

const AWS: Target = { cloud: 'aws', account: '111122223333', region: 'eu-west-1' };
const names = (n: number) => Array.from({ length: n }, (_, i) => `c-${String(i).padStart(3, '0')}`);

describe('splitScope', () => {
  it('makes no target for a scope without clusters', () => {
    expect(splitScope(AWS, { keys: [] }, 25, clock().toISOString())).toEqual([]);
  });

  it('keeps a scope that fits as one target naming its clusters, without a part', () => {
    const [only, ...rest] = splitScope(AWS, { keys: ['b', 'a'] }, 25, clock().toISOString());
    expect(rest).toEqual([]);
    expect(only?.target).toEqual({ ...AWS, clusters: ['a', 'b'] });
    expect(targetLabel(only?.target ?? AWS)).toBe('aws:111122223333/eu-west-1');
  });

  it('splits 60 clusters at 25 into 3 parts of 20, each cluster in exactly one part', () => {
    const parts = splitScope(AWS, { keys: names(60).reverse() }, 25, clock().toISOString());
    expect(parts.map((p) => p.target.clusters?.length)).toEqual([20, 20, 20]);
    expect(parts.map((p) => targetLabel(p.target))).toEqual([
      'aws:111122223333/eu-west-1#1of3',
      'aws:111122223333/eu-west-1#2of3',
      'aws:111122223333/eu-west-1#3of3',
    ]);
    const all = parts.flatMap((p) => p.target.clusters ?? []);
    expect(new Set(all).size).toBe(60);
    expect(all).toEqual(names(60));
  });

  it('balances uneven parts and hands each part its own listed objects', () => {
    const keys = names(51);
    const objects = keys.map((name) => ({ name }));
    const parts = splitScope({ cloud: 'gcp', project: 'acme-prod' }, { keys, objects }, 25, 'T');
    expect(parts.map((p) => p.target.clusters?.length)).toEqual([17, 17, 17]);
    for (const p of parts) {
      expect(p.listed?.listedAt).toBe('T');
      expect(p.listed?.clusters.map((c) => (c as { name: string }).name)).toEqual(
        p.target.clusters,
      );
    }
  });
});

describe('maxClustersPerTarget', () => {
  it('defaults to 25 and refuses impossible values, naming the key', () => {
    expect(parseRunConfig({}).maxClustersPerTarget).toBe(25);
    expect(() => parseRunConfig({ maxClustersPerTarget: 0 })).toThrow(RunConfigError);
    expect(() => parseRunConfig({ maxClustersPerTarget: 2.5 })).toThrow(/maxClustersPerTarget/);
    expect(() => parseRunConfig({ maxClustersPerTarget: 501 })).toThrow(/at most 500/);
  });
});

describe('discover with cluster listing', () => {
  it('drops empty scopes, splits large ones, keeps a scope it cannot list whole, and stores the listed objects', async () => {
    const { store } = await tempStore();
    const logger = recordingLogger();
    const config = parseRunConfig({
      aws: { accounts: ['111122223333', '444455556666'], regions: ['eu-west-1', 'us-east-1'] },
      gcp: { projects: ['acme-big', 'acme-zones'] },
      maxClustersPerTarget: 25,
    });
    const gke = (p: string, n: number) =>
      names(n).map((name) => ({ name, location: 'europe-west1', selfLink: `${p}/${name}` }));
    const out = await discover(
      config,
      {
        store,
        clock,
        logger,
        aws: {
          listClusters: async (account, region) => {
            if (account === '444455556666') throw new Error('AccessDenied: not authorized');
            return region === 'eu-west-1' ? names(60) : [];
          },
        },
        gcp: {
          listClusters: async (project) =>
            project === 'acme-big'
              ? {
                  keys: gke(project, 30).map((c) => `europe-west1/${c.name}`),
                  objects: gke(project, 30),
                }
              : { keys: [], objects: [], incomplete: 'unreachable zones: us-east1-b' },
        },
      },
      RUN,
    );
    expect(out.targets.map(targetLabel)).toEqual([
      'aws:111122223333/eu-west-1#1of3',
      'aws:111122223333/eu-west-1#2of3',
      'aws:111122223333/eu-west-1#3of3',
      // Denied listing: the whole scope, listed (and reported) by its audit.
      'aws:444455556666/eu-west-1',
      'aws:444455556666/us-east-1',
      'gcp:acme-big#1of2',
      'gcp:acme-big#2of2',
      'gcp:acme-zones',
    ]);
    expect(out.targets[3]).toEqual({ cloud: 'aws', account: '444455556666', region: 'eu-west-1' });
    expect(out.targets[7]).toEqual({ cloud: 'gcp', project: 'acme-zones' });
    expect(out.emptyScopes).toEqual(['aws:111122223333/us-east-1']);
    expect(out.errors).toBeUndefined();
    expect(logger.lines.filter((l) => l.level === 'warn')).toHaveLength(2);

    const part = out.targets[5] as Target;
    const listed = JSON.parse((await store.get(keys.listed(RUN, part))) ?? '{}');
    expect(listed.listedAt).toBe(clock().toISOString());
    expect(listed.clusters.map((c: { name: string }) => `europe-west1/${c.name}`)).toEqual(
      part.clusters,
    );
    // EKS lists names only: nothing to hand over.
    expect(await store.get(keys.listed(RUN, out.targets[0] as Target))).toBeUndefined();
  });
});

describe('completeScopes', () => {
  const part = (index: number): Target => ({ ...AWS, clusters: ['a'], part: { index, count: 2 } });
  const outcome = (target: Target, status: 'ok' | 'partial' | 'failed') => ({ target, status });

  it('is complete only when every part is ok; empty scopes are complete', () => {
    const gcp: Target = { cloud: 'gcp', project: 'acme-prod' };
    expect(
      completeScopes(
        [outcome(part(1), 'ok'), outcome(part(2), 'ok'), outcome(gcp, 'partial')],
        ['aws:111122223333/us-east-1'],
      ),
    ).toEqual(new Set(['aws:111122223333/us-east-1', 'aws:111122223333/eu-west-1']));
    expect(completeScopes([outcome(part(1), 'ok'), outcome(part(2), 'failed')], [])).toEqual(
      new Set(),
    );
  });
});
