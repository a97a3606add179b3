export declare function chromiumLaunchOptions(): { executablePath: string; args: string[] };
export declare const DEBIAN_CHROMIUM: string;
export declare const LAUNCH_ARGS: readonly string[];
export declare class ChromiumNotFoundError extends Error {}
export declare function findChromium(deps?: {
  env?: Record<string, string | undefined>;
  isExecutable?: (file: string) => boolean;
  playwrightPath?: () => string | undefined;
  debianPath?: string;
}): { path: string; source: string };
