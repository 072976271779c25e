declare module 'alex' {
  const alex: (text: string) => { messages: unknown[] };
  export default alex;
}
declare module 'vader-sentiment' {
  const vader: unknown;
  export default vader;
}
