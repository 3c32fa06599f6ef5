// The host side of the project config: finding it above a file, up to the repository root, and what
// it means for one file with the user's settings over it.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hintsForPath } from '../../server/src/documentSelector';
import { ProjectConfigs, settingsForFile } from '../../server/src/projectConfig';

const CONFIG = `rules:
  arn-malformed: warning
  container-memory: off
deployedBy: deploy-action
files: [deploy/*.json]
containerDefinitionFiles: [defs.json]
ignore: [legacy/**, "*.generated.json"]
overrides:
  - files: [ops/**]
    rules: { arn-malformed: off, plaintext-secret: information }
`;

/** A repository with a config in svc/, inside a directory that has a config of its own. */
function repository(): string {
  const outside = mkdtempSync(join(tmpdir(), 'config-'));
  writeFileSync(join(outside, '.ecs-taskdef.yaml'), 'rules: {}\n');
  const repo = join(outside, 'repo');
  mkdirSync(join(repo, '.git'), { recursive: true });
  mkdirSync(join(repo, 'svc/ops'), { recursive: true });
  writeFileSync(join(repo, 'svc/.ecs-taskdef.yaml'), CONFIG);
  return repo;
}

const user = { hints: {}, rules: {}, deployedBy: 'auto' as const };

describe('project config', () => {
  it('is found in the directory of the file or above, and not above the repository root', async () => {
    const repo = repository();
    const configs = new ProjectConfigs();
    expect((await configs.forFile(join(repo, 'svc/ops/td.json')))?.path).toBe(join(repo, 'svc/.ecs-taskdef.yaml'));
    expect((await configs.forFile(join(repo, 'svc/td.json')))?.path).toBe(join(repo, 'svc/.ecs-taskdef.yaml'));
    // The config above the repository belongs to another project.
    expect(await configs.forFile(join(repo, 'other/td.json'))).toBeUndefined();
  });

  it('gives a file its rules (config, then matching overrides, then the user), its hints, deployedBy and ignore', async () => {
    const repo = repository();
    const loaded = await new ProjectConfigs().forFile(join(repo, 'svc/ops/td.json'));
    const ops = settingsForFile(join(repo, 'svc/ops/td.json'), user, loaded);
    expect(ops).toEqual({
      ignored: false,
      hints: { forced: false, containerDefinitionsFile: false },
      rules: { 'arn-malformed': 'off', 'container-memory': 'off', 'plaintext-secret': 'information' },
      deployedBy: 'deploy-action',
    });
    const mine = settingsForFile(
      join(repo, 'svc/ops/td.json'),
      { hints: {}, rules: { 'arn-malformed': 'error' }, deployedBy: 'cli' },
      loaded,
    );
    expect([mine.rules['arn-malformed'], mine.deployedBy]).toEqual(['error', 'cli']);
    expect(settingsForFile(join(repo, 'svc/deploy/a.json'), user, loaded).hints.forced).toBe(true);
    expect(settingsForFile(join(repo, 'svc/x/defs.json'), user, loaded).hints.containerDefinitionsFile).toBe(true);
    expect(settingsForFile(join(repo, 'svc/legacy/a/b.json'), user, loaded).ignored).toBe(true);
    expect(settingsForFile(join(repo, 'svc/x/td.generated.json'), user, loaded).ignored).toBe(true);
    expect(settingsForFile(join(repo, 'svc/td.json'), user, loaded).ignored).toBe(false);
    expect(settingsForFile(join(repo, 'svc/td.json'), user, undefined)).toEqual({ ignored: false, ...user });
  });

  it('reads a changed config once its time to live has passed', async () => {
    const repo = repository();
    let now = 0;
    const configs = new ProjectConfigs(1000, () => now);
    const file = join(repo, 'svc/td.json');
    expect((await configs.forFile(file))?.config.deployedBy).toBe('deploy-action');
    writeFileSync(join(repo, 'svc/.ecs-taskdef.yaml'), 'deployedBy: cli\n');
    expect((await configs.forFile(file))?.config.deployedBy).toBe('deploy-action');
    now = 1500;
    expect((await configs.forFile(file))?.config.deployedBy).toBe('cli');
  });
});

describe('setting globs', () => {
  it('match a pattern with a directory anywhere in an absolute path, and one without a slash by file name', () => {
    expect(hintsForPath('/home/u/app/deploy/web.json', { files: ['**/deploy/*.json'], containerDefinitionFiles: [] }).forced).toBe(true);
    expect(hintsForPath('/home/u/app/web.JSON', { files: ['web.json'], containerDefinitionFiles: [] }).forced).toBe(true);
    expect(hintsForPath('/home/u/app/deploy/web.json', { files: ['other/*.json'], containerDefinitionFiles: [] }).forced).toBe(false);
  });
});
