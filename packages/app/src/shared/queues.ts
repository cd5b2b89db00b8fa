// Every BullMQ queue the worker creates, named once: one per policy (POLICIES) and the partners'
// webhook deliveries. The operators' queue page and the worker's metrics list these, so a queue
// the worker adds shows on both without a second list to keep in step.
import { POLICY_NAMES, type Policy } from "@bloom/domain";
import { WEBHOOK_QUEUE } from "../webhooks/deliveries";

export type WorkerQueueName = Policy | typeof WEBHOOK_QUEUE;
export const WORKER_QUEUE_NAMES: readonly WorkerQueueName[] = [...POLICY_NAMES, WEBHOOK_QUEUE];
