/** A minimal iCalendar reader for tests (node-ical is not a dependency): unfolds lines and checks nesting. */
export interface IcsComponent {
  name: string;
  props: { name: string; params: string; value: string }[];
  children: IcsComponent[];
}

export function parseIcs(text: string): IcsComponent {
  if (!text.endsWith('\r\n')) throw new Error('iCalendar must end with CRLF');
  if (/[^\r]\n/.test(text)) throw new Error('bare LF line ending');
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    if (Buffer.byteLength(line, 'utf8') > 75) throw new Error(`line over 75 octets: ${line}`);
  }
  const lines = physical.reduce<string[]>((acc, line) => {
    if (line.startsWith(' ') && acc.length > 0) acc[acc.length - 1] += line.slice(1);
    else acc.push(line);
    return acc;
  }, []);
  const stack: IcsComponent[] = [];
  let root: IcsComponent | undefined;
  for (const line of lines) {
    const match = /^([A-Z-]+)((?:;[^:]*)?):(.*)$/.exec(line);
    if (!match) throw new Error(`malformed line: ${line}`);
    const [, name = '', params = '', value = ''] = match;
    if (name === 'BEGIN') {
      const component: IcsComponent = { name: value, props: [], children: [] };
      stack[stack.length - 1]?.children.push(component);
      stack.push(component);
      root ??= component;
    } else if (name === 'END') {
      const open = stack.pop();
      if (open?.name !== value) throw new Error(`END:${value} closes ${open?.name ?? 'nothing'}`);
    } else {
      const current = stack[stack.length - 1];
      if (!current) throw new Error(`property outside a component: ${line}`);
      current.props.push({ name, params, value });
    }
  }
  if (stack.length > 0 || !root) throw new Error('unbalanced BEGIN/END');
  return root;
}

export function prop(component: IcsComponent, name: string): string | undefined {
  return component.props.find((p) => p.name === name)?.value;
}
