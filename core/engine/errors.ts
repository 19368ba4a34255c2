// A misuse (semantics §5): the call itself is wrong. In mod code it throws this typed error; in
// behaviours, scenarios and injected calls it becomes an error value. Either way it is a trace event.
export class ApolloMisuseError extends Error {
  override readonly name = 'ApolloMisuseError';
  constructor(
    readonly api: string,
    readonly node: string,
    readonly reason: string,
  ) {
    super(`${api} on ${node}: ${reason}`);
  }
}
