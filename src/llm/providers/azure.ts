import { createAzure } from '@ai-sdk/azure';
import { configString, hostFree, trimSlash, type ProviderAdapter } from '../types.js';

/** Azure OpenAI: the deployment names the model; the endpoint is the resource's URL. */
export const azureAdapter: ProviderAdapter = (m, fetch) => {
  const endpoint = trimSlash(configString(m.config, 'azure_endpoint'));
  return createAzure({
    apiKey: hostFree(configString(m.config, 'api_key')),
    baseURL: endpoint ? `${endpoint.replace(/\/openai$/, '')}/openai` : undefined,
    apiVersion: configString(m.config, 'api_version'),
    useDeploymentBasedUrls: true,
    fetch,
  }).chat(configString(m.config, 'azure_deployment') ?? m.model);
};
