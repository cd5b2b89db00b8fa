// Joins class names and lets a later Tailwind utility win over an earlier one ("px-4" then "px-2").
import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
