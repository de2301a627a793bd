// Read a risk-model file for the effectiveness indicator (e.g. data/seed-002/fit4work-model.yaml;
// lib/cohort/effectiveness.ts parses and validates it). Node only.
import {readFileSync} from "node:fs";
import {parseRiskModels} from "../cohort/effectiveness.js";

export function readRiskModels(file: string): ReturnType<typeof parseRiskModels> {
  return parseRiskModels(readFileSync(file, "utf8"), file);
}
