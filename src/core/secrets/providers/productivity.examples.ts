import type { ProviderExamples } from '../provider-types';

export const PRODUCTIVITY_EXAMPLES: Record<string, ProviderExamples> = {
  'notion': {
    match: ['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', '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', 'secret_Z38A4V2LAR6DjpNxjXkPK9oPDQpfU4lRURE9v0OY9vo'],
    noMatch: ['secret_manager_access_role_binding_for_service_x', 'ntn_...', 'secret_SECRETSECRETSECRETSECRETSECRETSECRETSECR', 'ntn_92944642052WJtfn1fuwcrVDFRDpu6Gk8MURlClm2f8yv', 'secret_Z38A4V2LAR6DjpNxjXkPK9oPDQpfU4lRURE9v0OY9vox'],
  },
  'linear': {
    match: ['lin_api_yKjRxJ68uA5vC8Yn43csBueGK7UYYIjlrJHw4UVQ', 'lin_api_1UBbKId9X8WmFvTbKqlmlUNGggc4VS1gsJudXO61', 'lin_api_hVcpiDOce4mVT0jcTQtiYYlBweLjXeGwEveqrgoF'],
    noMatch: ['lin_api_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'lin_api_...', 'lin_api_yKjRxJ68uA5vC8Yn43csBueGK7UYYIjlrJHw4UV', 'lin_api_1UBbKId9X8WmFvTbKqlmlUNGggc4VS1gsJudXO61x'],
  },
  'atlassian': {
    match: ['ATATT3xFfGF0Q6W5FiihyxXknZpz_UsERLWiFwb7bFrPakMneANKtCnScZKRvAZyInKGlc7qh2GVW3yAH7URVreIpmQ-yq7pVSk4ZrwVeSFeLdHddgIT7uM5zn6cvoARJL_dbGQxDaWdYsfq7LUuPUvK2N2Nz7fVZjPshLBDRGBsnWLRdYPvNM7=25C89B63', 'ATATT3xFfGF04OKdGs6gMN4ECkV4vxam4oqswvqbOgpM7pzPDu6zgnnOy7bbfDo-O3f4dm_gPLGuauv-sqcm9SqLh2l4SHnCRWt4cowrunq0J0BMnR-LnIlKDTQwr363uE78POzq19NYLusbu3TNON3PPoBloMifMwGfd1DpapGGmtq3u4Wb5ud=7088423B'],
    noMatch: ['ATATT3...', 'ATATT3xFfGF0Q6W5FiihyxXknZpz_UsERLWiFwb7bFrPakMneANKtCnScZKRvAZyInKGlc7qh2GVW3yAH7URVreIpmQ-yq7pVSk4ZrwVeSFeLdHddgIT7uM5zn6cvoARJL_dbGQxDaWdYsfq7LUuPUvK2N2Nz7fVZjPshLBDRGBsnWLRdYPvNM7=25C89B6', 'ATATT3xFfGF04OKdGs6gMN4ECkV4vxam4oqswvqbOgpM7pzPDu6zgnnOy7bbfDo-O3f4dm_gPLGuauv-sqcm9SqLh2l4SHnCRWt4cowrunq0J0BMnR-LnIlKDTQwr363uE78POzq19NYLusbu3TNON3PPoBloMifMwGfd1DpapGGmtq3u4Wb5ud=7088423BA'],
  },
};
