import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { definedJobs, JobDefinition, JobHandlerFn, RunFailedFn } from './job-definition';
import { JOB_FAILED, JOB_HANDLER } from './job-handler.decorator';

/** Finds every @JobHandler at boot; a defined job without a handler, or with two, stops the boot. */
@Injectable()
export class JobRegistry implements OnModuleInit {
  private readonly handlers = new Map<string, { definition: JobDefinition; run: JobHandlerFn; owner: string }>();
  private readonly failureHooks = new Map<string, { run: RunFailedFn; owner: string }>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance);
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const failed = this.reflector.get<JobDefinition | undefined>(JOB_FAILED, prototype[method]);
        if (failed) {
          const owner = `${wrapper.name}.${method}`;
          const existing = this.failureHooks.get(failed.name);
          if (existing) throw new Error(`Job ${failed.name} has two failure hooks: ${existing.owner} and ${owner}`);
          this.failureHooks.set(failed.name, { owner, run: (instance[method] as RunFailedFn).bind(instance) });
        }
        const definition = this.reflector.get<JobDefinition | undefined>(JOB_HANDLER, prototype[method]);
        if (!definition) continue;
        const owner = `${wrapper.name}.${method}`;
        const existing = this.handlers.get(definition.name);
        if (existing) throw new Error(`Job ${definition.name} has two handlers: ${existing.owner} and ${owner}`);
        this.handlers.set(definition.name, {
          definition,
          owner,
          run: (instance[method] as JobHandlerFn).bind(instance),
        });
      }
    }
    const missing = definedJobs()
      .filter((d) => !this.handlers.has(d.name))
      .map((d) => d.name);
    if (missing.length) throw new Error(`No handler for job(s): ${missing.join(', ')}`);
  }

  handler(name: string): { definition: JobDefinition; run: JobHandlerFn } {
    const entry = this.handlers.get(name);
    if (!entry) throw new Error(`No handler for job ${name}`);
    return entry;
  }

  /** What tells the job's record that its run failed for good, if the job has a record. */
  failureHook(name: string): RunFailedFn | undefined {
    return this.failureHooks.get(name)?.run;
  }

  names(): string[] {
    return [...this.handlers.keys()].sort();
  }
}
