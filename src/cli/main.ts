export async function main(_proc: NodeJS.Process): Promise<number> {
  return 0;
}
