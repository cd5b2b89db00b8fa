import type { NextConfig } from "next";

const config: NextConfig = {
  transpilePackages: ["@bloom/domain", "@bloom/app", "@bloom/db"],
  serverExternalPackages: ["bullmq", "ioredis", "pg", "@prisma/client", "@prisma/adapter-pg", "bcryptjs"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default config;
