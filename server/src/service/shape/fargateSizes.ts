// The task sizes Fargate offers: the task-level cpu/memory pairs RegisterTaskDefinition accepts for
// a task definition whose requiresCompatibilities include FARGATE (even with EC2 beside it); any
// other pair is refused with "Invalid 'cpu' setting for task" (Terraform shows "No Fargate
// configuration exists for given values"). This file is the table only; fargate-cpu-memory reads it.
//
// Sources: the ECS developer guide, "Troubleshoot Amazon ECS task definition invalid CPU or memory
// errors", https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html
// (the table, with its OS column and the Linux platform 1.4.0 notes), and "Amazon ECS task
// definition differences for Fargate",
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html
// ("For Windows containers on AWS Fargate, the value cannot be less than 1 vCPU");
// docs/reference/fargate.md#fg-1.

/** Memory values in MiB: a list, or every `step` from `from` to `to` (both included). */
export type FargateMemory = readonly number[] | { readonly from: number; readonly to: number; readonly step: number };

/** One task cpu size and the memory Fargate offers with it. */
export interface FargateSize {
  /** Task cpu in CPU units (1024 units = 1 vCPU). */
  readonly cpu: number;
  /** The memory values, in MiB (1 GB = 1024 MiB). */
  readonly memory: FargateMemory;
  /** Whether Fargate runs Windows tasks (runtimePlatform.operatingSystemFamily WINDOWS_SERVER_*) of this size. */
  readonly windows: boolean;
  /** The Linux platform version the size needs, when it is not every version. */
  readonly linuxPlatform?: string;
}

/** Fargate's task sizes, smallest first. */
export const FARGATE_SIZES: readonly FargateSize[] = [
  { cpu: 256, memory: [512, 1024, 2048], windows: false },
  { cpu: 512, memory: { from: 1024, to: 4096, step: 1024 }, windows: false },
  { cpu: 1024, memory: { from: 2048, to: 8192, step: 1024 }, windows: true },
  { cpu: 2048, memory: { from: 4096, to: 16384, step: 1024 }, windows: true },
  { cpu: 4096, memory: { from: 8192, to: 30720, step: 1024 }, windows: true },
  { cpu: 8192, memory: { from: 16384, to: 61440, step: 4096 }, windows: false, linuxPlatform: '1.4.0' },
  { cpu: 16384, memory: { from: 32768, to: 122880, step: 8192 }, windows: false, linuxPlatform: '1.4.0' },
];
