// Read a risk-model file for the effectiveness indicator (e.g. data/seed-002/fit4work-model.yaml;
// lib/cohort/effectiveness.ts parses and validates it). Node only.

import {readTextFile} from "./read-file.js";
import {parseRiskModels} from "../cohort/effectiveness.js";

export function readRiskModels(file: string): ReturnType<typeof parseRiskModels> {
  return parseRiskModels(readTextFile(file), file);
}
