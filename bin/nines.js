#!/usr/bin/env node
import { main } from '../dist/nines.js';

process.exitCode = await main(process);
