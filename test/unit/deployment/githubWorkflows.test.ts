import { describe, expect, it } from 'vitest';
import { deploymentsFromWorkflows, chooseDeployment } from '../../../server/src/service';

/** The deployments of one workflow at .github/workflows/deploy.yml, as a plain object. */
const read = (text: string) => Object.fromEntries(deploymentsFromWorkflows([{ path: '.github/workflows/deploy.yml', text }]));

/** GitHub's starter workflow for ECS ("Deploy to Amazon ECS"), reduced to what the detector reads. */
const STARTER = `name: Deploy to Amazon ECS
on:
  push:
    branches: [ "main" ]
env:
  ECS_TASK_DEFINITION: .aws/task-definition.json
  CONTAINER_NAME: web
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Fill in the new image ID in the Amazon ECS task definition
        id: task-def
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: \${{ env.ECS_TASK_DEFINITION }}
          container-name: \${{ env.CONTAINER_NAME }}
          image: \${{ steps.build-image.outputs.image }}
      - name: Deploy Amazon ECS task definition
        uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: \${{ steps.task-def.outputs.task-definition }}
          service: web
          cluster: main
`;

describe('GitHub workflows', () => {
  it("follows the starter workflow's env and the render step's output to the file, and the container whose image it fills", () => {
    expect(read(STARTER)).toEqual({
      '.aws/task-definition.json': {
        consumer: 'deployAction',
        workflow: '.github/workflows/deploy.yml',
        renderedImages: [{ containerName: 'web', workflow: '.github/workflows/deploy.yml' }],
      },
    });
  });

  it('reads a literal path with ./, github.workspace, step and job env, and a pinned action', () => {
    const text = `jobs:
  a:
    env:
      DIR: deploy
    steps:
      - uses: aws-actions/amazon-ecs-deploy-task-definition@0e82244a9d1e9a5a5e0dc1d2cd2d8e8f1a7c2b3d # v2.3.0
        with:
          task-definition: ./ecs/task-definition.json
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        env:
          NAME: api.json
        with:
          task-definition: \${{ github.workspace }}/\${{ env.DIR }}/\${{ env.NAME }}
`;
    expect(Object.keys(read(text))).toEqual(['ecs/task-definition.json', 'deploy/api.json']);
  });

  it('follows a matrix to each file it names', () => {
    const text = `jobs:
  deploy:
    strategy:
      matrix:
        service: [api, worker]
        include:
          - service: cron
    steps:
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: taskdefs/\${{ matrix.service }}.json
`;
    expect(Object.keys(read(text))).toEqual(['taskdefs/api.json', 'taskdefs/worker.json', 'taskdefs/cron.json']);
  });

  it('keeps the CLI as consumer of a file that is only rendered, with every container the render step names', () => {
    const text = `jobs:
  test:
    steps:
      - id: render
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: task-definition.json
          container-name: sample-app, sample-app-2
          image: nginx:latest
      - run: aws ecs register-task-definition --cli-input-json file://\${{ steps.render.outputs.task-definition }}
`;
    expect(read(text)).toEqual({
      'task-definition.json': {
        consumer: 'cli',
        renderedImages: [
          { containerName: 'sample-app', workflow: '.github/workflows/deploy.yml' },
          { containerName: 'sample-app-2', workflow: '.github/workflows/deploy.yml' },
        ],
      },
    });
  });

  it('follows a chain of render steps back to the committed file', () => {
    const text = `jobs:
  deploy:
    steps:
      - id: web
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with: { task-definition: td.json, container-name: web, image: a }
      - id: sidecar
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with: { task-definition: "\${{ steps.web.outputs.task-definition }}", container-name: proxy, image: b }
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with: { task-definition: "\${{ steps.sidecar.outputs.task-definition }}" }
`;
    const deployment = read(text)['td.json'];
    expect(deployment.consumer).toBe('deployAction');
    expect(deployment.renderedImages?.map((r) => r.containerName)).toEqual(['web', 'proxy']);
  });

  it('names nothing it cannot resolve: secrets, inputs, paths outside the repository, files made by the run', () => {
    const text = `jobs:
  deploy:
    steps:
      - run: aws ecs describe-task-definition --task-definition web > task-definition.json
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with: { task-definition: "\${{ secrets.TASK_DEFINITION }}" }
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with: { task-definition: "\${{ inputs.file }}" }
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with: { task-definition: ../other/td.json }
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with: { task-definition: /tmp/td.json }
      - uses: aws-actions/amazon-ecs-render-task-definition@v1
        with: { task-definition-family: web, container-name: web, image: a }
`;
    expect(read(text)).toEqual({});
  });

  it('ignores other actions, broken YAML and files that are not workflows', () => {
    expect(read('jobs:\n  a:\n    steps:\n      - uses: actions/checkout@v4\n        with: { task-definition: td.json }\n')).toEqual({});
    expect(read('jobs: [\n  a: {')).toEqual({});
    expect(read('- just\n- a list\n')).toEqual({});
    expect(read('')).toEqual({});
  });

  it('lets the setting override the consumer and keeps what the render step fills', () => {
    const [detected] = deploymentsFromWorkflows([{ path: '.github/workflows/deploy.yml', text: STARTER }]).values();
    expect(chooseDeployment('auto', detected)).toBe(detected);
    expect(chooseDeployment('auto', undefined)).toEqual({ consumer: 'cli' });
    expect(chooseDeployment('cli', detected)).toEqual({ consumer: 'cli', renderedImages: detected.renderedImages });
    expect(chooseDeployment('deploy-action', undefined)).toEqual({ consumer: 'deployAction' });
    expect(chooseDeployment('deploy-action', detected)).toBe(detected);
  });
});
