export * from "./endpoints";
export * from "./plan";
export * from "./send";
export * from "./deliveries";
export * from "./http-post";
export * from "./secret-box";
