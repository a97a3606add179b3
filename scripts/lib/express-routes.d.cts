import type { Express } from 'express';
export declare function servedRoutes(app: Express): Set<string>;
