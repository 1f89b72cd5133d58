/**
 * The price catalog ({@code rules/prices.json}) the TCO step reads prices from when a fact file
 * does not give them: API model prices, GPU rates and other rates, each with its source and date, so
 * that stale prices are warned about.
 */
package bvb.catalog;
