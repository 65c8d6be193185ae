/** The reports' formatting of quantities: the units' own, so a figure reads the same everywhere. */
export * from '../units/format.js';
