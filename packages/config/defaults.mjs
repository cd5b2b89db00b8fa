// The development defaults of the connection settings, written once: the apps' env modules, the
// operator CLIs and the scripts fall back to these when DATABASE_URL / REDIS_URL are not set.
export const DEFAULT_DATABASE_URL = "postgresql://bloom:bloom@127.0.0.1:5432/bloom";
export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";
