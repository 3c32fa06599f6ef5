import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAwsProfiles } from '../../../client/src/awsProfiles';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aws-profiles-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const files = (config: string | undefined, credentials: string | undefined) => {
  const env: NodeJS.ProcessEnv = { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
  if (config !== undefined) writeFileSync(env.AWS_CONFIG_FILE!, config);
  if (credentials !== undefined) writeFileSync(env.AWS_SHARED_CREDENTIALS_FILE!, credentials);
  return env;
};

describe('the profile picker', () => {
  it('lists the profiles of the config and credentials files, sorted, each once', () => {
    const env = files(
      '[default]\nregion = eu-west-1\n\n[profile dev]\nsso_session = corp\n\n[sso-session corp]\nsso_region = eu-west-1\n\n[services s3]\n\n  [ profile  staging ]  \n',
      '[ci]\naws_access_key_id = AKIAEXAMPLE\n[dev]\n',
    );
    return expect(listAwsProfiles(env)).resolves.toEqual(['ci', 'default', 'dev', 'staging']);
  });

  it('reads only section headers: a value in brackets is no profile', () => {
    const env = files('[profile dev]\nrole_arn = [not-a-profile]\ncredential_process = run [x]\n', '[ci]\nnote = [not-a-profile]\n');
    return expect(listAwsProfiles(env)).resolves.toEqual(['ci', 'dev']);
  });

  it('lists nothing when neither file exists', () => {
    return expect(listAwsProfiles(files(undefined, undefined))).resolves.toEqual([]);
  });

  it('takes the files from the home directory when the environment names none', async () => {
    mkdirSync(join(dir, '.aws'));
    writeFileSync(join(dir, '.aws', 'config'), '[profile home]\n');
    writeFileSync(join(dir, '.aws', 'credentials'), '[home-keys]\n');
    await expect(listAwsProfiles({}, dir)).resolves.toEqual(['home', 'home-keys']);
  });
});
