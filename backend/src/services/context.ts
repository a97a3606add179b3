import type { Config } from '../config';
import type { GatewayRegistry } from '../gateways/registry';
import type { Logger } from '../logger';
import type { BackgroundTasks } from './background-tasks';
import type { Mailer } from './email.service';

/** What services need from the outside world; built once in server.ts, or by a test. */
export interface ServiceContext {
  config: Config;
  log: Logger;
  gateways: GatewayRegistry;
  mailer: Mailer;
  tasks: BackgroundTasks;
}
