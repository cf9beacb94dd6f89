import type { EksEcrRepository } from '../../core/snapshot-eks';

/** A DescribeRepositories entry in the shape of the ECR API model (2015-09-21). */
export function repository(
  name: string,
  options: { scanOnPush?: boolean; mutable?: boolean } = {},
): EksEcrRepository {
  return {
    repositoryArn: `arn:aws:ecr:us-east-2:111122223333:repository/${name}`,
    registryId: '111122223333',
    repositoryName: name,
    repositoryUri: `111122223333.dkr.ecr.us-east-2.amazonaws.com/${name}`,
    createdAt: '2024-03-14T15:00:00.000Z',
    imageTagMutability: options.mutable ? 'MUTABLE' : 'IMMUTABLE',
    imageScanningConfiguration: { scanOnPush: options.scanOnPush ?? false },
    encryptionConfiguration: { encryptionType: 'AES256' },
  };
}
