// The offline database needs Java 17+: the version is read from `java -version`, whose first
// line differs by vendor and era. The samples are the first lines real JDKs print (OpenJDK 8,
// 11 and 17 as packaged by Debian and Temurin; Oracle's 1.8 format).
import { javaProblem, parseJavaMajor } from '../../src/db/mongo-java-server';

test.each([
  ['openjdk version "1.8.0_392"', 8],
  ['java version "1.8.0_401"', 8],
  ['openjdk version "11.0.21" 2023-10-17', 11],
  ['openjdk version "17.0.15" 2025-04-15', 17],
  ['openjdk version "21" 2023-09-19', 21],
])('when java -version says %s, then the major version is %i', (line, major) => {
  expect(parseJavaMajor(`${line}\nOpenJDK Runtime Environment`)).toBe(major);
});

test('when the Java is too old, then the message names the version found and the one needed', () => {
  expect(javaProblem(11)).toBe('Java 11 is on the PATH; Java 17 or newer is needed');
  expect(javaProblem(8)).toMatch(/Java 8 .* Java 17 or newer/);
});

test('when there is no Java, then the message says so and names the version needed', () => {
  expect(javaProblem(undefined)).toMatch(
    /`java` is not on the PATH \(Java 17 or newer is needed\)/,
  );
});

test('when the Java is 17 or newer, then there is no problem', () => {
  expect(javaProblem(17)).toBeUndefined();
  expect(javaProblem(21)).toBeUndefined();
});
