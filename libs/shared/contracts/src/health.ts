export type ComponentStatus = 'ok' | 'degraded' | 'down';

export interface HealthComponent {
  status: ComponentStatus;
  [detail: string]: unknown;
}

export interface HealthResponse {
  status: ComponentStatus;
  version: string;
  uptimeSeconds: number;
  components: Record<string, HealthComponent>;
}

export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  details?: Array<{ path: string; message: string }>;
  /** a 409 for a stale write: the version the resource has now */
  currentVersion?: number;
}
