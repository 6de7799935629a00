# Adatum: identity for the hybrid deployment. Users sign in to Microsoft 365
# through the AD FS farm built for the first Office 365 pilot, and the
# synchronization server is the original one, upgraded in place.

organization "Adatum" {
  forest_functional_level = "2012R2"
  split_permissions       = false
}

site "Dublin" {}

domain_controller "ADT-DC01" {
  site           = "Dublin"
  os             = "2019"
  global_catalog = true
  read_only      = false
}

domain_controller "ADT-DC02" {
  site           = "Dublin"
  os             = "2019"
  global_catalog = true
  read_only      = false
}

directory_sync {
  enabled                   = true
  tool                      = "entra_connect"
  host_os                   = "2012R2"
  sign_in                   = "federation"
  exchange_hybrid_writeback = true
}

certificate "adatum-sts" {
  issuer  = "enterprise_ca"
  subject = "sts.adatum.example"
  names   = ["sts.adatum.example"]
  expires = "2027-06-30"
}

adfs "ADT-ADFS" {
  os          = "2012"
  certificate = "adatum-sts"
}
