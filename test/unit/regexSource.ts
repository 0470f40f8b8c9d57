// Finds the regular expressions in TypeScript source for the ReDoS audit (redos.test.ts). Patterns are found by
// parsing the source with the TypeScript compiler, so `/` in strings, comments, divisions and template literals
// never confuses the extractor: every regex literal, and every `new RegExp(…)` / `RegExp(…)` whose pattern is a
// string or template literal; `${NAME}` in a template is resolved from a `const NAME = …` in the same file. What
// cannot be resolved is returned as `unresolved`, so a dynamically built pattern cannot escape the audit.
import * as ts from 'typescript';

export interface FoundPattern {
  file: string;
  line: number;
  source: string;
  flags: string;
}

/** Regex literals and resolvable `RegExp` constructions in one TypeScript source text. */
export function extractPatterns(file: string, text: string): { patterns: FoundPattern[]; unresolved: string[] } {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const patterns: FoundPattern[] = [];
  const unresolved: string[] = [];
  const constants = new Map<string, ts.Expression>();
  const lineOf = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;

  const collect = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isVariableDeclarationList(node.parent) && node.parent.flags & ts.NodeFlags.Const) {
      constants.set(node.name.text, node.initializer);
    }
    ts.forEachChild(node, collect);
  };
  collect(sf);

  /** The string value of an expression built from literals and same-file constants, or undefined. */
  const evaluate = (expr: ts.Expression, depth = 0): string | undefined => {
    if (depth > 10) return undefined;
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return expr.text;
    if (ts.isParenthesizedExpression(expr)) return evaluate(expr.expression, depth + 1);
    if (ts.isTemplateExpression(expr)) {
      let out = expr.head.text;
      for (const span of expr.templateSpans) {
        const value = evaluate(span.expression, depth + 1);
        if (value === undefined) return undefined;
        out += value + span.literal.text;
      }
      return out;
    }
    if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const left = evaluate(expr.left, depth + 1);
      const right = evaluate(expr.right, depth + 1);
      return left === undefined || right === undefined ? undefined : left + right;
    }
    if (ts.isIdentifier(expr) && constants.has(expr.text)) return evaluate(constants.get(expr.text)!, depth + 1);
    // ['a', 'b'].join('|')
    if (ts.isCallExpression(expr) && ts.isPropertyAccessExpression(expr.expression) && expr.expression.name.text === 'join' && ts.isArrayLiteralExpression(expr.expression.expression)) {
      const parts = expr.expression.expression.elements.map((e) => evaluate(e, depth + 1));
      const sep = expr.arguments.length ? evaluate(expr.arguments[0], depth + 1) : ',';
      return parts.some((p) => p === undefined) || sep === undefined ? undefined : parts.join(sep);
    }
    return undefined;
  };

  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = (node as ts.RegularExpressionLiteral).text;
      const end = literal.lastIndexOf('/');
      patterns.push({ file, line: lineOf(node), source: literal.slice(1, end), flags: literal.slice(end + 1) });
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      const [patternArg, flagsArg] = node.arguments ?? [];
      const source = patternArg && evaluate(patternArg);
      const flags = flagsArg ? evaluate(flagsArg) : '';
      if (source === undefined || flags === undefined) unresolved.push(`${file}:${lineOf(node)}: ${node.getText(sf).slice(0, 120)}`);
      else patterns.push({ file, line: lineOf(node), source, flags });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { patterns, unresolved };
}
