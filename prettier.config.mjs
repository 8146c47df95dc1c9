// Prettier: double quotes, semicolons, trailing commas; imports organized, Tailwind classes sorted.
/** @type {import("prettier").Config} */
const config = {
  printWidth: 140,
  trailingComma: "all",
  plugins: ["prettier-plugin-organize-imports", "prettier-plugin-tailwindcss"],
  tailwindStylesheet: "./app/globals.css",
};

export default config;
