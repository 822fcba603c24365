// The wallet screen and the DEX transaction list (docs/api/bots.md "DEX transactions and wallets").
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export interface WalletKey {
  id: string; label: string; kind: 'PRIVATE_KEY' | 'EXTERNAL_SIGNER'; address: string; signerUrl: string | null; createdAt: string;
}
export interface TokenBalance { token: string; symbol: string; decimals: number; units: string; amount: string }
export interface WalletApproval { token: string; symbol: string; spender: string; spenderName: string | null; units: string; amount: string }
export interface WalletView {
  id: string; label: string; address: string; network: string; nativeWei: string; nativeAmount: string;
  tokens: TokenBalance[]; approvals: WalletApproval[];
}
export interface DexTransaction {
  hash: string; network: string; chainId: number; wallet: string; nonce: string; kind: string; purpose: string;
  botId: string | null; clientOrderId: string | null; status: string; blockNumber: number | null; reason: string | null;
  maxFeePerGas: string; maxPriorityFeePerGas: string; gasUsed: string | null; effectiveGasPrice: string | null;
  feeWei: string | null; feeNative: string | null; feeQuote: string | null; feeQuoteAsset: string | null;
  createdAt: string; updatedAt: string;
}

export const useWalletKeys = () =>
  useQuery({ queryKey: ['wallet-keys'], queryFn: () => api<WalletKey[]>('/wallet-keys') });

export const useWallet = (id: string, network: string) =>
  useQuery({
    queryKey: ['dex', 'wallets', id, network], enabled: network !== '',
    queryFn: () => api<WalletView>(`/dex/wallets/${id}?network=${encodeURIComponent(network)}`),
  });

export function useRevoke(id: string, network: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (a: { token: string; spender: string }) =>
      api<{ hash: string; status: string }>(`/dex/wallets/${id}/revoke`, { method: 'POST', json: { network, ...a } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['dex', 'wallets', id] });
      void client.invalidateQueries({ queryKey: ['dex', 'transactions'] });
    },
  });
}

export const useDexTransactions = (filter: { botId?: string; wallet?: string; status?: string }) => {
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]).toString();
  return useQuery({
    queryKey: ['dex', 'transactions', query], refetchInterval: 10_000,
    queryFn: () => api<DexTransaction[]>(`/dex/transactions${query ? `?${query}` : ''}`),
  });
};
